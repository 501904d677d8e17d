# Sourced by the bench/*.sh scripts: compiles the tests and sets CP to the project's test classpath.
# exec-maven-plugin prints it (dependency:build-classpath does not resolve offline); online once if offline fails.
mvn -B -o -q -DskipTests test-compile
CP=$(mvn -B -o -q -Dstyle.color=never org.codehaus.mojo:exec-maven-plugin:3.6.4:exec \
        -Dexec.executable=echo -Dexec.args='%classpath' -Dexec.classpathScope=test 2>/dev/null \
     || mvn -B -q -Dstyle.color=never org.codehaus.mojo:exec-maven-plugin:3.6.4:exec \
        -Dexec.executable=echo -Dexec.args='%classpath' -Dexec.classpathScope=test)
CP=$(printf '%s' "$CP" | sed 's/\x1b\[[0-9;]*m//g' | tail -n 1)
