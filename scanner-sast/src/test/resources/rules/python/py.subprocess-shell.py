import subprocess
def archive(name):
    # ruleid: py.subprocess-shell
    subprocess.call("tar czf /backups/%s.tgz /data" % name, shell=True)
    # ok: py.subprocess-shell
    subprocess.call(["tar", "czf", name + ".tgz", "/data"])
    # ok: py.subprocess-shell
    subprocess.call("ls -l", shell=True)
