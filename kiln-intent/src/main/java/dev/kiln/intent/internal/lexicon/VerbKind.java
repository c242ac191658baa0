package dev.kiln.intent.internal.lexicon;

import java.util.Locale;

/** What a verb between two noun phrases says about how their entities relate. */
public enum VerbKind {
    /** "books have a title": the object lists fields or owned entities. */
    FIELDS,
    /** "authors write posts": each object row has one subject. */
    OWNS,
    /** "order items belong to orders": each subject row has one object. */
    BELONGS,
    /** "students enroll in courses": both sides have many. */
    MANY_TO_MANY,
    /** "customers buy tickets": owns an instance, or shares a catalogue item. */
    ACQUIRES,
    /** "courses are split into lessons": each object row has one subject. */
    REVERSED,
    /** "admissions link patients to beds": the subject joins what it names. */
    JOINS,
    /** "an API to manage employees": the objects are entities of the service. */
    DECLARES,
    /** "readers comment on posts": the action is itself a stored record. */
    NOMINAL,
    /** Any other verb: relates entities only through a joining phrase. */
    OTHER;

    /**
     * Returns the kind written in the lexicon under the given key.
     *
     * @param key for example {@code manyToMany}
     * @return the kind
     */
    public static VerbKind fromKey(String key) {
        return valueOf(key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
    }
}
