package dev.kiln.guard;

/**
 * A finding together with the action the policy chose for it.
 *
 * @param finding what was found
 * @param action what the pipeline does about it
 */
public record Decision(Finding finding, Action action) {}
