package dev.precis.spark;

import org.apache.spark.sql.SparkSession;

/** The tests' Spark: two local threads bound to the loopback address, few shuffle partitions. */
final class LocalSpark {

    private LocalSpark() {
    }

    static SparkSession start() {
        return SparkSession.builder()
                .appName("precis-batch-test")
                .master("local[2]")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
    }
}
