# Sourced by the bench/sast scripts: builds scanner-sast and the modules it needs through the
# reactor (nothing is installed into ~/.m2) and sets $cp to a classpath that runs LocalScan.
sast_classpath() { # work dir
  local work=$1
  ./mvnw -q -B -ntp -pl scanner-sast -am package -DskipTests \
    dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/cp.txt" >/dev/null
  cp="$PWD/scanner-sast/target/classes:$(cat "$work/cp.txt")"
}
