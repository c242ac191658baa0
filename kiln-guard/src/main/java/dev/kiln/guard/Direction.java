package dev.kiln.guard;

/** Which way a text flows: into the model (a prompt, a retrieved document) or out of it (a response). */
public enum Direction {
    /** Text on its way to the model. */
    INPUT,
    /** Text the model produced. */
    OUTPUT
}
