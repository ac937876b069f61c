"""The comparison client: the public wechatpayv3 SDK doing what `coupondesk list` does.

Run inside the throwaway virtual environment that run.py makes. It reads the sandbox's
WECHATPAY_* variables (as sandbox.env exports them), makes the same signed "issued by" call
(GET /v3/marketing/favor/users/{openid}/coupons with creator_mchid), lets the SDK verify the
answer's signature, parses the JSON, and prints one document like `coupondesk list --format json`:
{"total_count", "offset", "limit", "data"}. With --all it follows the pages to the last one.
"""

import argparse
import json
import os
import sys

from wechatpayv3 import WeChatPay, WeChatPayType


def read_file(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--openid", required=True)
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--all", action="store_true", help="follow the pages to the last one")
    arguments = parser.parse_args()

    environment = os.environ
    missing = [
        name
        for name in (
            "WECHATPAY_API_BASE",
            "WECHATPAY_MCHID",
            "WECHATPAY_SERIAL_NO",
            "WECHATPAY_PRIVATE_KEY",
            "WECHATPAY_PUBLIC_KEY",
            "WECHATPAY_PUBLIC_KEY_ID",
            "WECHATPAY_APPID",
        )
        if not environment.get(name)
    ]
    if missing:
        print("sdk_client: not set: " + ", ".join(missing) + "; source the sandbox's sandbox.env", file=sys.stderr)
        return 3

    mchid = environment["WECHATPAY_MCHID"]
    client = WeChatPay(
        wechatpay_type=WeChatPayType.NATIVE,
        mchid=mchid,
        private_key=read_file(environment["WECHATPAY_PRIVATE_KEY"]),
        cert_serial_no=environment["WECHATPAY_SERIAL_NO"],
        appid=environment["WECHATPAY_APPID"],
        # Public-key mode needs no APIv3 key, but the constructor insists on one of 32 characters.
        apiv3_key="0" * 32,
        public_key=read_file(environment["WECHATPAY_PUBLIC_KEY"]),
        public_key_id=environment["WECHATPAY_PUBLIC_KEY_ID"],
    )
    # The SDK has no base-URL option; this private attribute is the documented way to point it at a mock.
    client._core._gate_way = environment["WECHATPAY_API_BASE"].rstrip("/")

    merged = []
    first = None
    offset = 0
    while True:
        # The SDK verifies the signature of every 2xx answer and raises when it does not check out.
        code, text = client.marketing_favor_user_coupon(
            openid=arguments.openid, creator_mchid=mchid, offset=offset, limit=arguments.limit
        )
        if code != 200:
            print("sdk_client: HTTP %s: %s" % (code, text), file=sys.stderr)
            return 4
        page = json.loads(text)
        if first is None:
            first = page
        data = page.get("data") or []
        merged.extend(data)
        total = page.get("total_count", 0)
        limit = page.get("limit") or arguments.limit
        if not arguments.all or not data or (page.get("offset", offset) + 1) * limit >= total:
            break
        offset = page.get("offset", offset) + 1

    document = {
        "total_count": first.get("total_count", len(merged)),
        "offset": first.get("offset", 0),
        "limit": first.get("limit", arguments.limit),
        "data": merged,
    }
    sys.stdout.write(json.dumps(document, ensure_ascii=False))
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
