package org.civicit.lms.platform;

import java.util.List;

/**
 * A request the rules refuse. The message is a key of the {@code i18n} bundle with its
 * arguments, told to the caller in their language; subclasses say which kind of refusal.
 * Being unchecked, it rolls back the transaction it leaves.
 */
public abstract class BusinessException extends RuntimeException {

    private final String messageKey;
    private final transient List<Object> arguments;

    protected BusinessException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }

    /** Nothing by that key exists, or the caller may not know that it does. */
    public static class NotFound extends BusinessException {
        public NotFound(String messageKey, Object... arguments) {
            super(messageKey, arguments);
        }
    }

    /** The input is well-formed but breaks a rule. */
    public static class Invalid extends BusinessException {
        public Invalid(String messageKey, Object... arguments) {
            super(messageKey, arguments);
        }
    }

    /** The caller may see the thing but may not do this to it. */
    public static class Forbidden extends BusinessException {
        public Forbidden(String messageKey, Object... arguments) {
            super(messageKey, arguments);
        }
    }

    /** The request clashes with the current state, such as a concurrent change. */
    public static class Conflict extends BusinessException {
        public Conflict(String messageKey, Object... arguments) {
            super(messageKey, arguments);
        }
    }
}
