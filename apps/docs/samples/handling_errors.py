"""Generates one image and handles every way it can fail, with the Python client."""

from openpixels import OpenPixels

client = OpenPixels(api_key="sk-op-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")

try:
    result = client.run({"model": "flux-dev", "prompt": "a lighthouse at dawn, oil painting"})
    error = result.get("error")
    if error is None:
        print(f"Image: {result['data']['url']}")
    elif error.get("code") == "NO_CREDITS":
        params = error.get("params", {})
        print(f"Out of credits: need {params.get('required')}, have {params.get('available')}.")
    else:
        # `message` is for people; branch on `code` and `type`, never on the text.
        print(f"{error.get('type')} / {error.get('code')}: {error.get('message')}")
except Exception as exc:  # network failures and timeouts, not API errors
    print(f"Could not reach OpenPixels: {exc}")
