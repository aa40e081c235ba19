package dev.precis.spark;

import org.apache.spark.launcher.JavaModuleOptions;

/**
 * Prints the JVM options Spark needs on JDK 17+ ({@code --add-opens} and friends), one a line, as
 * {@link JavaModuleOptions#defaultModuleOptions()} of the Spark on the classpath lists them. The launcher
 * runs it once after a build and starts the local job's JVM with its output, so the options always match
 * the Spark version built against.
 */
public final class ModuleOptions {

    private ModuleOptions() {
    }

    /** Spark's module options as an array. */
    public static String[] spark() {
        return JavaModuleOptions.defaultModuleOptionArray();
    }

    /**
     * Prints {@link #spark()}, one option a line, less the {@code --add-opens} of packages this JDK no longer
     * has (JDK 25 dropped {@code sun.security.action}), which would only make the JVM warn at every start.
     */
    public static void main(String[] args) {
        for (String option : spark()) {
            if (appliesHere(option)) {
                System.out.println(option);
            }
        }
    }

    /** Whether {@code option} opens a package this JVM has, or is no {@code --add-opens} at all. */
    static boolean appliesHere(String option) {
        if (!option.startsWith("--add-opens=")) {
            return true;
        }
        String opened = option.substring("--add-opens=".length());
        String target = opened.substring(0, opened.indexOf('='));
        int slash = target.indexOf('/');
        String module = target.substring(0, slash);
        String pkg = target.substring(slash + 1);
        return ModuleLayer.boot().findModule(module).map(m -> m.getPackages().contains(pkg)).orElse(false);
    }
}
