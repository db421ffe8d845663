package org.civicit.lms.assessment.gift;

import java.util.List;

/** A question bank with problems: none of it was written. */
public class BankRejectedException extends RuntimeException {

    private final transient List<GiftError> errors;
    private final int total;

    /** @param total how many problems there were; {@code errors} may list only the first of them */
    public BankRejectedException(List<GiftError> errors, int total) {
        super(total + " error(s) in the question bank");
        this.errors = List.copyOf(errors);
        this.total = total;
    }

    public List<GiftError> errors() {
        return errors;
    }

    public int total() {
        return total;
    }
}
