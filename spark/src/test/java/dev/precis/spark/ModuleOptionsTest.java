package dev.precis.spark;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void optionsForPackagesThisJdkLacksAreLeftOut() {
        assertTrue(ModuleOptions.appliesHere("--add-opens=java.base/java.lang=ALL-UNNAMED"));
        assertTrue(ModuleOptions.appliesHere("-Dio.netty.tryReflectionSetAccessible=true"));
        assertFalse(ModuleOptions.appliesHere("--add-opens=java.base/no.such.pkg=ALL-UNNAMED"));
        assertFalse(ModuleOptions.appliesHere("--add-opens=no.such.module/java.lang=ALL-UNNAMED"));
    }
}
