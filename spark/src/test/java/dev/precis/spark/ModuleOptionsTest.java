package dev.precis.spark;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ModuleOptionsTest {

    /** The pom's spark.module.options (this JVM's options) must hold every option Spark asks for. */
    @Test
    void testJvmHasEverySparkModuleOption() {
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String option : ModuleOptions.spark()) {
            assertTrue(jvm.contains(option), "spark.module.options in spark/pom.xml lacks " + option);
        }
    }
}
