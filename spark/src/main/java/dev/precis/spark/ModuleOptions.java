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

    /** Prints {@link #spark()}, one option a line. */
    public static void main(String[] args) {
        for (String option : spark()) {
            System.out.println(option);
        }
    }
}
