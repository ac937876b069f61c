#if canImport(Glibc)
import Glibc
#endif
import CouponCLI

exit(await CouponDeskCommand.runAsProcess())
