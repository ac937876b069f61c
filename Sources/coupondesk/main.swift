import CouponCLI

#if canImport(Glibc)
import Glibc
#endif

exit(await CouponDeskCommand.runAsProcess())
