#!/usr/bin/env python3
"""An independent WeChat Pay APIv3 client for the CouponDesk sandbox, built on the `cryptography` package.

It reads the client files `coupondesk sandbox --keys DIR` writes, signs a coupon-list request
(WECHATPAY2-SHA256-RSA2048), calls the sandbox, and verifies the answer's signature with the
sandbox's WeChat Pay public key. It then sends a request altered after signing and checks that
the sandbox refuses it with 401 SIGN_ERROR and shows the message it expected to be signed.

Usage: interop_client.py KEY_DIR OPENID EXPECTED_TOTAL
Prints one JSON line with what it found and exits 0, or prints the failure to stderr and exits 1.
"""

import base64
import http.client
import json
import secrets
import string
import sys
import time
import urllib.parse

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

SCHEME = "WECHATPAY2-SHA256-RSA2048"
WINDOW_SECONDS = 300


class InteropFailure(Exception):
    pass


def read_profile(path):
    """Reads [profile.sandbox] from the config.toml the sandbox writes (key = "value" lines only)."""
    profile, section = {}, None
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("["):
                section = line.strip("[]")
                continue
            if section == "profile.sandbox" and "=" in line:
                key, value = (part.strip() for part in line.split("=", 1))
                profile[key] = json.loads(value)
    for key in ("mchid", "serial_no", "private_key", "public_key", "public_key_id", "appid", "api_base"):
        if key not in profile:
            raise InteropFailure(f"config.toml has no {key} in [profile.sandbox]")
    return profile


def nonce():
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(32))


def request_message(method, target, timestamp, nonce_str, body=""):
    # Five lines, each ended by \n; a GET has an empty body.
    return f"{method}\n{target}\n{timestamp}\n{nonce_str}\n{body}\n"


def authorization(profile, private_key, target, timestamp, nonce_str):
    message = request_message("GET", target, timestamp, nonce_str)
    signature = private_key.sign(message.encode("utf-8"), padding.PKCS1v15(), hashes.SHA256())
    pairs = {
        "mchid": profile["mchid"],
        "nonce_str": nonce_str,
        "signature": base64.b64encode(signature).decode("ascii"),
        "timestamp": str(timestamp),
        "serial_no": profile["serial_no"],
    }
    return SCHEME + " " + ",".join(f'{key}="{value}"' for key, value in pairs.items()), message


def get(connection, target, auth, serial):
    connection.request(
        "GET",
        target,
        headers={
            "Authorization": auth,
            "Accept": "application/json",
            "User-Agent": "coupondesk-interop/1.0 (python cryptography)",
            "Wechatpay-Serial": serial,
        },
    )
    response = connection.getresponse()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()


def verify_answer(headers, body, public_key, public_key_id):
    for name in ("wechatpay-timestamp", "wechatpay-nonce", "wechatpay-signature", "wechatpay-serial"):
        if name not in headers:
            raise InteropFailure(f"the answer has no {name} header")
    if headers.get("wechatpay-signature-type") != SCHEME:
        raise InteropFailure(f"unexpected Wechatpay-Signature-Type {headers.get('wechatpay-signature-type')!r}")
    if headers["wechatpay-serial"] != public_key_id:
        raise InteropFailure(f"answer signed by {headers['wechatpay-serial']}, expected {public_key_id}")
    timestamp = int(headers["wechatpay-timestamp"])
    if abs(time.time() - timestamp) > WINDOW_SECONDS:
        raise InteropFailure(f"answer timestamp {timestamp} is outside the {WINDOW_SECONDS} s window")
    message = headers["wechatpay-timestamp"].encode() + b"\n" + headers["wechatpay-nonce"].encode() + b"\n" + body + b"\n"
    signature = base64.b64decode(headers["wechatpay-signature"], validate=True)
    try:
        public_key.verify(signature, message, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        raise InteropFailure("the answer's signature does not verify with the WeChat Pay public key") from None


def main(argv):
    if len(argv) != 4:
        raise InteropFailure("usage: interop_client.py KEY_DIR OPENID EXPECTED_TOTAL")
    key_dir, openid, expected_total = argv[1], argv[2], int(argv[3])
    profile = read_profile(f"{key_dir}/config.toml")
    with open(profile["private_key"], "rb") as handle:
        private_key = serialization.load_pem_private_key(handle.read(), password=None)
    with open(profile["public_key"], "rb") as handle:
        public_key = serialization.load_pem_public_key(handle.read())

    base = urllib.parse.urlsplit(profile["api_base"])
    connection = http.client.HTTPConnection(base.hostname, base.port, timeout=10)
    query = urllib.parse.urlencode(
        [("appid", profile["appid"]), ("creator_mchid", profile["mchid"]), ("offset", "0"), ("limit", "20")]
    )
    target = f"/v3/marketing/favor/users/{urllib.parse.quote(openid, safe='')}/coupons?{query}"

    auth, _ = authorization(profile, private_key, target, int(time.time()), nonce())
    status, headers, body = get(connection, target, auth, profile["public_key_id"])
    if status != 200:
        raise InteropFailure(f"expected 200, got {status}: {body[:300]!r}")
    verify_answer(headers, body, public_key, profile["public_key_id"])
    answer = json.loads(body)
    if answer.get("total_count") != expected_total:
        raise InteropFailure(f"expected total_count {expected_total}, got {answer.get('total_count')}")
    statuses = {coupon.get("status") for coupon in answer.get("data", [])}
    if "EXPIRED" in statuses:
        raise InteropFailure("an issued-by answer returned an expired coupon")

    # Signed for page 0, sent for page 1: the sandbox must refuse it, on the same kept-alive connection.
    tampered_target = target.replace("offset=0", "offset=1")
    tampered_nonce = nonce()
    timestamp = int(time.time())
    auth, _ = authorization(profile, private_key, target, timestamp, tampered_nonce)
    status, headers, body = get(connection, tampered_target, auth, profile["public_key_id"])
    if status != 401:
        raise InteropFailure(f"a tampered request got {status}, not 401")
    error = json.loads(body)
    if error.get("code") != "SIGN_ERROR":
        raise InteropFailure(f"a tampered request got code {error.get('code')!r}, not SIGN_ERROR")
    expected = request_message("GET", tampered_target, timestamp, tampered_nonce)
    shown = error.get("detail", {}).get("sign_information", {}).get("truncated_sign_message")
    if shown != expected:
        raise InteropFailure(f"truncated_sign_message {shown!r} is not the message for the target sent {expected!r}")
    if "wechatpay-signature" in headers:
        raise InteropFailure("an error answer was signed; the sandbox leaves error answers unsigned")
    connection.close()

    print(json.dumps({
        "verified": True,
        "total_count": answer["total_count"],
        "coupons": len(answer.get("data", [])),
        "statuses": sorted(statuses),
        "tampered_status": status,
        "tampered_code": error["code"],
    }))


if __name__ == "__main__":
    try:
        main(sys.argv)
    except (InteropFailure, OSError, ValueError) as failure:
        print(f"interop failure: {failure}", file=sys.stderr)
        sys.exit(1)
