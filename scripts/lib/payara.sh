# What scripts/run and scripts/cluster share: where the WAR and the runtime are (built when
# missing), the data folder, how one Payara Micro is started, and when it answers.
# Sourced, not run.

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
payara_version=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$root/pom.xml")
war="$root/lms-web/target/lms-web.war"
jar="$root/lms-web/target/payara/payara-micro-$payara_version.jar"

if [[ ! -f "$war" || ! -f "$jar" ]]; then
    echo "Building the application (first start only)..."
    (cd "$root" && mvn -B -q -DskipTests install)
fi

# The data folder is resolved now: Payara Micro runs in a folder of its own.
data_dir=${LMS_DATA_DIR:-./data}
mkdir -p "$data_dir"
export LMS_DATA_DIR=$(cd "$data_dir" && pwd)

# Starts one Payara Micro in the background on HTTP port $1, with the further options given;
# its process id is then in $!. UTF-8 whatever the locale: names are Vietnamese. The
# pre-boot commands hide the server's name and take HTTPS from a proxy's X-Forwarded-Proto;
# set before the listener opens, they do not restart it under the first requests, as after
# boot they did.
start_payara() {
    local port=$1
    shift
    java ${LMS_JAVA_OPTS:--Xmx1g} -Dfile.encoding=UTF-8 -jar "$jar" \
        --deploy "$war" --contextroot / --port "$port" \
        --prebootcommandfile "${LMS_PREBOOT:-$root/scripts/payara-preboot.asadmin}" "$@" &
}

# Sends one GET to 127.0.0.1:$1 for path $2, with the request headers given after it, and
# prints the answer's status line and headers. Plain bash, so that nothing beyond Java and
# Maven is needed.
http_head() {
    local port=$1 path=$2 line
    shift 2
    { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
    {
        printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n' "$path"
        local header
        for header in "$@"; do printf '%s\r\n' "$header"; done
        printf '\r\n'
    } >&3
    while read -r -t 5 line <&3; do
        line=${line%$'\r'}
        [[ -z $line ]] && break
        printf '%s\n' "$line"
    done
    exec 3>&-
}

# True once the server on port $1 says it is ready (database reachable, schema migrated).
ready() {
    local answer
    answer=$(http_head "$1" /health/ready) || return 1
    [[ ${answer%%$'\n'*} == *" 200"* ]]
}
