package org.civicit.lms.platform;

/**
 * How much of a bad file goes back to whoever sent it, for every file a reader rejects (CSV,
 * GIFT, Aiken): the first {@link #KEPT} problems, and values quoted in them cut to
 * {@link #ECHO_LENGTH} characters, so that a huge file cannot make a huge answer.
 */
public final class FileErrors {

    /** Past this many problems the rest are counted, not kept: a clerk fixes the first ones and sends the file again. */
    public static final int KEPT = 1000;
    public static final int ECHO_LENGTH = 100;
    private static final String LEFT_OUT = "…";

    private FileErrors() {
    }

    /** A value from the file as an error message may quote it: at most {@link #ECHO_LENGTH} characters and an ellipsis. */
    public static String echo(String value) {
        if (value == null || value.length() <= ECHO_LENGTH) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(ECHO_LENGTH - 1)) ? ECHO_LENGTH - 1 : ECHO_LENGTH;
        return value.substring(0, end) + LEFT_OUT;
    }
}
