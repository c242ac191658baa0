package dev.kiln.guard;

import dev.kiln.guard.redact.Redactor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs guardrails on the input and the output of a model and applies a policy to what they find.
 *
 * <p>Each direction has its own guardrails and {@link Policy}: typically injection detection and PII on
 * input, secrets, PII and a JSON Schema on output. The verdict is the most severe action of all findings;
 * personal data and secrets whose action is {@link Action#REDACT} or {@link Action#BLOCK} are replaced by the
 * {@link Redactor} (an injection or a schema violation has nothing to mask). Immutable
 * and thread-safe when its guardrails and redactor are.
 */
public final class GuardPipeline {
    private final Stage input;
    private final Stage output;
    private final Redactor redactor;

    private GuardPipeline(Builder builder) {
        this.input = new Stage(List.copyOf(builder.inputGuardrails), builder.inputPolicy);
        this.output = new Stage(List.copyOf(builder.outputGuardrails), builder.outputPolicy);
        this.redactor = builder.redactor;
    }

    /**
     * Starts a pipeline with no guardrails, {@link Policy#defaults()} in both directions and the mask
     * redactor.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks text on its way to the model.
     *
     * @param text the prompt or document
     * @return the result
     */
    public GuardResult checkInput(String text) {
        return check(Direction.INPUT, input, text);
    }

    /**
     * Checks text the model produced.
     *
     * @param text the response
     * @return the result
     */
    public GuardResult checkOutput(String text) {
        return check(Direction.OUTPUT, output, text);
    }

    private GuardResult check(Direction direction, Stage stage, String text) {
        List<Decision> decisions = decide(stage, text);
        Action verdict = decisions.stream().map(Decision::action).reduce(Action.ALLOW, Action::max);
        List<Finding> toReplace = decisions.stream()
                .filter(d -> d.action().compareTo(Action.REDACT) >= 0)
                .map(Decision::finding)
                .filter(f -> f.category() == Category.PII || f.category() == Category.SECRET)
                .toList();
        String redacted = toReplace.isEmpty() ? text : redactor.redact(text, toReplace);
        return new GuardResult(direction, verdict, decisions, text, redacted);
    }

    private static List<Decision> decide(Stage stage, String text) {
        List<Decision> decisions = new ArrayList<>();
        for (Guardrail guardrail : stage.guardrails()) {
            for (Finding finding : guardrail.inspect(text)) {
                Action action = stage.policy().actionFor(finding);
                if (action != Action.ALLOW) {
                    decisions.add(new Decision(finding, action));
                }
            }
        }
        decisions.sort(Comparator.comparingInt((Decision d) -> d.finding().start())
                .thenComparingInt(d -> d.finding().end()));
        return decisions;
    }

    private record Stage(List<Guardrail> guardrails, Policy policy) {}

    /** Builds a {@link GuardPipeline}. */
    public static final class Builder {
        private final List<Guardrail> inputGuardrails = new ArrayList<>();
        private final List<Guardrail> outputGuardrails = new ArrayList<>();
        private Policy inputPolicy = Policy.defaults();
        private Policy outputPolicy = Policy.defaults();
        private Redactor redactor = Redactor.mask();

        private Builder() {}

        /**
         * Adds guardrails that inspect input.
         *
         * @param guardrails the guardrails, run in this order
         * @return this builder
         */
        public Builder input(Guardrail... guardrails) {
            inputGuardrails.addAll(List.of(guardrails));
            return this;
        }

        /**
         * Adds guardrails that inspect output.
         *
         * @param guardrails the guardrails, run in this order
         * @return this builder
         */
        public Builder output(Guardrail... guardrails) {
            outputGuardrails.addAll(List.of(guardrails));
            return this;
        }

        /**
         * Sets the policy for input.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder inputPolicy(Policy policy) {
            this.inputPolicy = policy;
            return this;
        }

        /**
         * Sets the policy for output.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder outputPolicy(Policy policy) {
            this.outputPolicy = policy;
            return this;
        }

        /**
         * Sets how redacted spans are replaced.
         *
         * @param redactor the redactor
         * @return this builder
         */
        public Builder redactor(Redactor redactor) {
            this.redactor = redactor;
            return this;
        }

        /**
         * Builds the pipeline.
         *
         * @return the pipeline
         */
        public GuardPipeline build() {
            return new GuardPipeline(this);
        }
    }
}
