package dev.kiln.guard.eval;

import dev.kiln.guard.GuardPipeline;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the time a pipeline takes per input on the calling thread, warm: every input is checked
 * {@code warmups} times untimed, then {@code rounds} times timed.
 */
public final class LatencyBenchmark {
    private LatencyBenchmark() {}

    /**
     * The measured distribution.
     *
     * @param inputs how many distinct inputs
     * @param samples how many timed checks
     * @param p50Millis the median
     * @param p99Millis the 99th percentile
     * @param maxMillis the slowest
     * @param meanChars the mean input length
     */
    public record Result(
            int inputs, int samples, double p50Millis, double p99Millis, double maxMillis, double meanChars) {}

    /**
     * Runs the benchmark.
     *
     * @param pipeline the pipeline; its input side is measured
     * @param inputs the inputs
     * @param warmups untimed rounds
     * @param rounds timed rounds
     * @return the distribution
     */
    public static Result run(GuardPipeline pipeline, List<String> inputs, int warmups, int rounds) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no inputs to measure");
        }
        for (int r = 0; r < warmups; r++) {
            inputs.forEach(pipeline::checkInput);
        }
        long[] nanos = new long[inputs.size() * rounds];
        int n = 0;
        for (int r = 0; r < rounds; r++) {
            for (String input : inputs) {
                long start = System.nanoTime();
                pipeline.checkInput(input);
                nanos[n++] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        double meanChars = inputs.stream().mapToInt(String::length).average().orElse(0);
        return new Result(
                inputs.size(),
                nanos.length,
                nanos[nanos.length / 2] / 1e6,
                nanos[(int) (nanos.length * 0.99)] / 1e6,
                nanos[nanos.length - 1] / 1e6,
                meanChars);
    }
}
