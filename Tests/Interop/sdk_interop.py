"""The official QingCloud Python SDK (qingcloud-sdk) as an independent client of `qcimages simulate`.

It must sign requests the simulator accepts, page through the same catalogue that `qcimages list`
prints, get the same answers for every filter, see a wrong secret refused with ret_code 1200, list
the same zones with describe_zones that `qcimages list -z all` reads, and find what uses an image with
describe_instances (image_id as one string and as a list, instances, status, offset and limit).
Prints one line per check and ends with `N passed, M failed`; exits non-zero on any failure.
"""
import json
import os
import subprocess
import sys
from itertools import groupby

from qingcloud.iaas.connection import APIConnection

BINARY = sys.argv[1]
KEY_ID, SECRET, ZONE = "QYINTEROPKEY0001", "interop-secret-key", "pek3a"
ZONES, FAILING_ZONE = ["pek3a", "sh1a", "gd2a", "ap2a"], "gd2a"
results = []


def check(name, condition, detail=""):
    results.append(bool(condition))
    print(("ok     " if condition else "FAILED ") + name + ("" if condition else f": {detail}"), flush=True)


def start_simulator():
    process = subprocess.Popen(
        [BINARY, "simulate", "--port", "0", "--images", "2500", "--seed", "7", "--zones", ",".join(ZONES),
         "--failing-zone", FAILING_ZONE,
         "--access-key-id", KEY_ID, "--secret-access-key", SECRET],
        stdout=subprocess.PIPE, text=True)
    url = process.stdout.readline().strip()
    if not url.startswith("http://"):
        process.kill()
        sys.exit(f"simulate printed {url!r} instead of its endpoint URL")
    return process, url


def sdk_connection(url, secret=SECRET, zone=ZONE):
    host_port = url.split("//", 1)[1].split("/", 1)[0]
    host, port = host_port.rsplit(":", 1)
    return APIConnection(KEY_ID, secret, zone, host=host, port=int(port), protocol="http", retry_time=1)


def sdk_all(conn, **filters):
    images, offset, total = [], 0, None
    while True:
        answer = conn.describe_images(offset=offset, limit=100, **filters)
        if answer is None or answer.get("ret_code") != 0:
            raise RuntimeError(f"SDK call failed: {answer}")
        total = answer["total_count"]
        images += answer["image_set"]
        offset += 100
        if offset >= total:
            return total, images


def qcimages_list(url, *flags, check=True):
    env = dict(os.environ, QINGCLOUD_ENDPOINT=url, QINGCLOUD_ACCESS_KEY=KEY_ID, QINGCLOUD_SECRET_KEY=SECRET,
               QINGCLOUD_ZONE=ZONE, HOME="/nonexistent")
    out = subprocess.run([BINARY, "list", "--output", "json", *flags], env=env, capture_output=True, text=True, check=check)
    document = json.loads(out.stdout)
    return document["total_count"], document["image_set"]


def check_zones(url):
    """describe_zones (the SDK sends no parameters) against the zones served; `qcimages list -z all` reads
    every active zone and tags each image with its zone; a failing zone is refused and reported alone."""
    conn = sdk_connection(url)
    answer = conn.describe_zones()
    zone_set = answer and answer.get("zone_set")
    expected = [{"zone_id": z, "status": "faulty" if z == FAILING_ZONE else "active"} for z in ZONES]
    check("describe_zones lists the zones served with their status", answer and answer.get("ret_code") == 0
          and answer.get("action") == "DescribeZonesResponse" and zone_set == expected
          and answer.get("total_count") == len(ZONES), answer)
    active = [z["zone_id"] for z in zone_set or [] if z["status"] == "active"]
    total, tagged = qcimages_list(url, "-z", "all")
    check("qcimages list -z all reads the active zones in describe_zones' order",
          [zone for zone, _ in groupby(image["zone"] for image in tagged)] == active,
          sorted({image["zone"] for image in tagged}))
    agree = True
    for zone in active:
        sdk_total, sdk_set = sdk_all(sdk_connection(url, zone=zone))
        ours = [{k: v for k, v in image.items() if k != "zone"} for image in tagged if image["zone"] == zone]
        agree = agree and ours == sdk_set and sdk_total > 0
    check(f"each zone's images agree with the SDK's describe_images in that zone ({total} images)", agree)
    failing = sdk_connection(url, zone=FAILING_ZONE).describe_images(limit=1)
    check("the failing zone answers 5000 to the SDK", failing and failing.get("ret_code") == 5000, failing)
    env = dict(os.environ, QINGCLOUD_ENDPOINT=url, QINGCLOUD_ACCESS_KEY=KEY_ID, QINGCLOUD_SECRET_KEY=SECRET,
               HOME="/nonexistent")
    out = subprocess.run([BINARY, "list", "-o", "ids", "--timeout", "5", "-z", f"sh1a,{FAILING_ZONE}"], env=env,
                         capture_output=True, text=True)
    lines = out.stderr.strip().splitlines()
    sh1a_total, _ = sdk_all(sdk_connection(url, zone="sh1a"))
    check("qcimages list with a failing zone prints the others, one stderr line naming it, exit 1",
          out.returncode == 1 and len(out.stdout.splitlines()) == sh1a_total and len(lines) == 1
          and lines[0].startswith(f"qcimages: zone {FAILING_ZONE}: "), (out.returncode, lines))
    unknown = sdk_connection(url, zone="bj9z").describe_images(limit=1)
    check("an unknown zone is refused with 1100", unknown and unknown.get("ret_code") == 1100, unknown)


INSTANCE_STATUSES = ["pending", "running", "stopped", "suspended", "terminated", "ceased"]


def sdk_instances(conn, **filters):
    instances, offset = [], 0
    while True:
        answer = conn.describe_instances(offset=offset, limit=100, **filters)
        if answer is None or answer.get("ret_code") != 0:
            raise RuntimeError(f"SDK call failed: {answer}")
        instances += answer["instance_set"]
        offset += 100
        if offset >= answer["total_count"]:
            return answer["total_count"], instances


def check_instances(url, images):
    """describe_instances against the simulator's seeded instances: what uses an image."""
    conn = sdk_connection(url)
    total, everything = sdk_instances(conn, status=INSTANCE_STATUSES)
    ids = [instance["instance_id"] for instance in everything]
    check(f"describe_instances pages through every instance ({total})",
          total == len(everything) > 0 and len(set(ids)) == len(ids), f"total {total}, got {len(everything)}")
    per_image = {}
    for instance in everything:
        per_image.setdefault(instance["image"]["image_id"], []).append(instance)
    check("some images are used by no instance and some by several",
          any(image["image_id"] not in per_image for image in images) and max(map(len, per_image.values())) >= 3)
    by_id = {image["image_id"]: image for image in images}
    agree = all(
        instance["image"]["image_name"] == by_id[instance["image"]["image_id"]]["image_name"]
        and instance["image"]["os_family"] == by_id[instance["image"]["image_id"]]["os_family"]
        and instance["image"]["platform"] == by_id[instance["image"]["image_id"]]["platform"]
        and instance["image"]["processor_type"] == by_id[instance["image"]["image_id"]]["processor_type"]
        and instance["image"]["image_size"] == by_id[instance["image"]["image_id"]]["size"]
        for instance in everything if instance["image"]["image_id"] in by_id)
    check("each instance's image agrees with describe_images", agree)
    check("every instance has the documented fields", all(
        all(key in instance for key in ["instance_id", "instance_name", "description", "status", "transition_status",
                                         "instance_type", "vcpus_current", "memory_current", "create_time",
                                         "status_time", "sub_code", "image", "vxnets", "eip", "volume_ids",
                                         "keypair_ids", "security_group", "tags"]) for instance in everything))

    busiest = max(per_image, key=lambda image_id: len(per_image[image_id]))
    wanted = [i["instance_id"] for i in per_image[busiest]]
    one = conn.describe_instances(image_id=busiest, status=INSTANCE_STATUSES, limit=100)
    listed = conn.describe_instances(image_id=[busiest], status=INSTANCE_STATUSES, limit=100)
    check(f"image_id as one string finds the image's {len(wanted)} instances",
          one and one.get("ret_code") == 0 and [i["instance_id"] for i in one["instance_set"]] == wanted
          and one["total_count"] == len(wanted), one and one.get("total_count"))
    check("image_id as a list (image_id.1) agrees with the string form",
          listed and listed.get("instance_set") == one.get("instance_set"), listed and listed.get("total_count"))
    two = sorted(per_image, key=lambda image_id: -len(per_image[image_id]))[:2]
    _, both = sdk_instances(conn, image_id=two, status=INSTANCE_STATUSES)
    check("image_id with two images finds the instances of both",
          sorted(i["instance_id"] for i in both) == sorted(i["instance_id"] for t in two for i in per_image[t]))
    unused = next(image["image_id"] for image in images if image["image_id"] not in per_image)
    none = conn.describe_instances(image_id=unused)
    check("an image no instance uses has total_count 0", none and none.get("total_count") == 0, none)

    _, default = sdk_instances(conn)
    check("ceased instances are left out unless asked for",
          default and not any(i["status"] == "ceased" for i in default)
          and len(default) == sum(1 for i in everything if i["status"] != "ceased"))
    _, running = sdk_instances(conn, status=["running"])
    check("status running", running and all(i["status"] == "running" for i in running))
    chosen = ids[5:8]
    named = conn.describe_instances(instances=chosen, status=INSTANCE_STATUSES)
    check("instances by id", named and sorted(i["instance_id"] for i in named["instance_set"]) == sorted(chosen), named)
    page = conn.describe_instances(status=INSTANCE_STATUSES, offset=30, limit=7)
    check("one page by offset and limit agrees", page and page["instance_set"] == everything[30:37])
    bad = conn.describe_instances(status=["exploded"])
    check("an invalid instance status is refused with 1100", bad and bad.get("ret_code") == 1100, bad)
    wrong = sdk_connection(url, secret="not-the-secret").describe_instances(limit=1)
    check("describe_instances with a wrong secret is refused with 1200", wrong and wrong.get("ret_code") == 1200, wrong)


def main():
    process, url = start_simulator()
    try:
        conn = sdk_connection(url)
        total, sdk_images = sdk_all(conn)
        ids = [image["image_id"] for image in sdk_images]
        check("the SDK pages through the whole catalogue", total == len(sdk_images) and len(set(ids)) == len(ids),
              f"total {total}, got {len(sdk_images)} ({len(set(ids))} unique)")
        list_total, list_images = qcimages_list(url)
        check("qcimages list returns the same total", list_total == total, f"{list_total} vs {total}")
        check("qcimages list returns the same images in the same order",
              [image["image_id"] for image in list_images] == ids)
        check("every image object is identical field by field", list_images == sdk_images,
              next((f"{a['image_id']}" for a, b in zip(list_images, sdk_images) if a != b), "lengths differ"))
        hostile = [image for image in sdk_images if any(ord(c) < 32 or 0x80 <= ord(c) < 0xA0 or c == "\u202e"
                                                         for c in json.dumps(image, ensure_ascii=False))]
        check("hostile strings survive the round trip unmodified", hostile and all(
            a == b for a, b in zip(list_images, sdk_images)), f"{len(hostile)} hostile images")

        some_ids = ids[3:6]
        cases = [
            ("status available", dict(status=["available"]), ["-s", "available"]),
            ("status deleted or pending", dict(status=["deleted", "pending"]), ["-s", "deleted,pending"]),
            ("os_family ubuntu", dict(os_family="ubuntu"), ["-F", "ubuntu"]),
            ("processor_type 32bit", dict(processor_type="32bit"), ["-p", "32bit"]),
            ("visibility private", dict(visibility="private"), ["-v", "private"]),
            ("provider self", dict(provider="self"), ["-P", "self"]),
            ("search_word centos", dict(search_word="centos"), ["-W", "centos"]),
            ("search_word in Chinese", dict(search_word="麒麟"), ["-W", "麒麟"]),
            ("images by id", dict(images=some_ids), ["-i", ",".join(some_ids)]),
            ("owner system", dict(owner="system"), ["--owner", "system"]),
            ("status ceased (hidden otherwise)", dict(status=["ceased"]), ["-s", "ceased"]),
        ]
        for name, sdk_filters, flags in cases:
            sdk_total, sdk_set = sdk_all(conn, **sdk_filters)
            our_total, our_set = qcimages_list(url, *flags)
            check(f"filter {name}: SDK and qcimages agree ({sdk_total} images)",
                  sdk_total == our_total and sdk_set == our_set and (sdk_total > 0 or name.startswith("images")),
                  f"SDK {sdk_total}, qcimages {our_total}")

        ceased_total, _ = sdk_all(conn, status=["ceased"])
        check("ceased images are listed only when asked for", ceased_total > 0 and not any(
            image["status"] == "ceased" for image in sdk_images))

        one_page = conn.describe_images(offset=40, limit=7)
        _, our_page = qcimages_list(url, "-O", "40", "-L", "7")
        check("one page by offset and limit agrees", one_page["image_set"] == our_page and len(our_page) == 7)
        capped = conn.describe_images(limit=1000)
        check("a limit above 100 is capped at 100", len(capped["image_set"]) == 100, len(capped.get("image_set", [])))

        posted = conn.send_request("DescribeImages", {"limit": 5, "search_word": "ubuntu server"}, verb="POST")
        got = conn.describe_images(limit=5, search_word="ubuntu server")
        check("a POST (form body) is signed and answered like a GET", posted and posted.get("ret_code") == 0
              and posted["image_set"] == got["image_set"], posted and posted.get("ret_code"))
        no_slash = conn.send_request("DescribeImages", {"limit": 5}, url="/iaas")
        check("the path /iaas (as the Go SDK sends it) is signed and answered", no_slash and no_slash.get("ret_code") == 0,
              no_slash)

        bad_status = conn.describe_images(status=["exploded"])
        check("an invalid status is refused with 1100", bad_status and bad_status.get("ret_code") == 1100, bad_status)
        missing = conn.describe_images(images=["img-doesnotexist"])
        check("an unknown image id is refused with 2100", missing and missing.get("ret_code") == 2100, missing)

        wrong = sdk_connection(url, secret="not-the-secret").describe_images(limit=1)
        check("a wrong secret is refused with 1200", wrong and wrong.get("ret_code") == 1200, wrong)
        check("the refusal does not echo the secret", "not-the-secret" not in json.dumps(wrong))
        check_zones(url)
        _, every_image = sdk_all(conn, status=["pending", "available", "deprecated", "suspended", "deleted", "ceased"])
        check_instances(url, every_image)
    finally:
        process.terminate()
        process.wait(timeout=10)
    check("simulate exits cleanly on SIGTERM", process.returncode == 0, process.returncode)
    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    sys.exit(0 if passed == len(results) else 1)


if __name__ == "__main__":
    main()
