import Dispatch
import Foundation

func finish(_ result: (status: Int32, output: String, errors: String)) -> Never {
    FileHandle.standardOutput.write(Data(result.output.utf8))
    FileHandle.standardError.write(Data(result.errors.utf8))
    exit(result.status)
}

let arguments = Array(CommandLine.arguments.dropFirst())
// `profile` stays in this thread, with no executor started, so valgrind can follow it.
if let result = BenchCommand.runWithoutConcurrency(arguments: arguments) {
    finish(result)
}
Task {
    finish(await BenchCommand.run(arguments: arguments, environment: ProcessInfo.processInfo.environment))
}
dispatchMain()
