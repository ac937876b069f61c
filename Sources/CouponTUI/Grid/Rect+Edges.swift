import CouponBrowser

extension Rect {
    /// The column just right of the rectangle.
    var maxX: Int { x + width }
    /// The row just below the rectangle.
    var maxY: Int { y + height }
    var isEmpty: Bool { width == 0 || height == 0 }

    /// The rectangle shrunk by `amount` cells on every side.
    func insetBy(_ amount: Int) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    /// A `width`×`height` rectangle centred in this one, clipped to it.
    func centered(width: Int, height: Int) -> Rect {
        let width = min(width, self.width)
        let height = min(height, self.height)
        return Rect(x: x + (self.width - width) / 2, y: y + (self.height - height) / 2, width: width, height: height)
    }
}
