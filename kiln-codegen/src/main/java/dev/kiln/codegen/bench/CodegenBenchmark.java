package dev.kiln.codegen.bench;

import dev.kiln.codegen.GeneratedProject;
import dev.kiln.codegen.ProjectGenerator;
import dev.kiln.spec.ServiceSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures in-process generation time: warm-up rounds first, then timed rounds, reporting the median and
 * the 90th percentile. Printing is the caller's job.
 */
public final class CodegenBenchmark {
    /**
     * One measured size.
     *
     * @param entities the number of entities
     * @param files the number of generated files
     * @param medianMillis median generation time
     * @param p90Millis 90th-percentile generation time
     * @param rounds how many timed rounds
     */
    public record Result(int entities, int files, double medianMillis, double p90Millis, int rounds) {}

    private final ProjectGenerator generator;

    /**
     * Creates a benchmark of a generator.
     *
     * @param generator the generator to measure
     */
    public CodegenBenchmark(ProjectGenerator generator) {
        this.generator = generator;
    }

    /**
     * Measures one size.
     *
     * @param entities the number of entities
     * @param warmups untimed rounds first
     * @param rounds timed rounds
     * @return the figures
     */
    public Result measure(int entities, int warmups, int rounds) {
        ServiceSpec spec = SyntheticSpecs.withEntities(entities);
        int files = 0;
        for (int i = 0; i < warmups; i++) {
            files = generator.generate(spec).size();
        }
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            GeneratedProject project = generator.generate(spec);
            millis[i] = (System.nanoTime() - start) / 1e6;
            files = project.size();
        }
        Arrays.sort(millis);
        return new Result(entities, files, percentile(millis, 0.5), percentile(millis, 0.9), rounds);
    }

    /**
     * Measures several sizes in order.
     *
     * @param sizes entity counts
     * @param warmups untimed rounds per size
     * @param rounds timed rounds per size
     * @return one result per size
     */
    public List<Result> measureAll(List<Integer> sizes, int warmups, int rounds) {
        List<Result> results = new ArrayList<>();
        for (int size : sizes) {
            results.add(measure(size, warmups, rounds));
        }
        return results;
    }

    private static double percentile(double[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
