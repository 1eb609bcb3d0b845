"""Generates an image with the Python client, handling each failure."""

from openpixels import OpenPixels

client = OpenPixels(api_key="sk-op-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")

try:
    result = client.run(
        {"model": "flux-dev", "prompt": "a lighthouse at dawn, in oils"}
    )
    error = result.get("error")
    if error is None:
        print(f"Image: {result['data']['url']}")
    elif error.get("code") == "NO_CREDITS":
        params = error.get("params", {})
        need, have = params.get("required"), params.get("available")
        print(f"Out of credits: need {need}, have {have}.")
    else:
        # `message` is for people; branch on `code` and `type`.
        print(f"{error.get('code')}: {error.get('message')}")
except Exception as exc:  # no answer at all: network failure, timeout
    print(f"Could not reach OpenPixels: {exc}")
