package dev.kiln.codegen.image;

/**
 * The few files of an operating system that the image's Java needs besides shared libraries: the user database
 * for its unprivileged user, and name-service switch rules so that host names resolve through
 * {@code /etc/hosts} and DNS.
 */
final class SystemFiles {
    /** The numeric user and group the service runs as. */
    static final int USER_ID = 65532;

    /** The name of that user and group. */
    static final String USER_NAME = "nonroot";

    /** That user's home directory. */
    static final String HOME = "/home/" + USER_NAME;

    private SystemFiles() {}

    /** The text of {@code /etc/passwd}: root and the service's user, neither of which can log in. */
    static String passwd() {
        return "root:x:0:0:root:/root:/sbin/nologin\n" + USER_NAME + ":x:" + USER_ID + ":" + USER_ID + ":" + USER_NAME
                + ":" + HOME + ":/sbin/nologin\n";
    }

    /** The text of {@code /etc/group}. */
    static String group() {
        return "root:x:0:\n" + USER_NAME + ":x:" + USER_ID + ":\n";
    }

    /** The text of {@code /etc/nsswitch.conf}: files for users and groups, files then DNS for hosts. */
    static String nsswitch() {
        return "passwd: files\ngroup: files\nhosts: files dns\n";
    }

    /** The user as the image configuration names it: {@code uid:gid}. */
    static String user() {
        return USER_ID + ":" + USER_ID;
    }
}
