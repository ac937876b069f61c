/// The version of CouponDesk, as `--version` prints it and the `User-Agent` carries it.
public enum CouponDeskVersion {
    /// The version in `major.minor.patch` form.
    public static let current = "0.1.0"
}
