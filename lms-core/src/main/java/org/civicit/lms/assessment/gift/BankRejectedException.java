package org.civicit.lms.assessment.gift;

import java.util.List;

/** A question bank with problems: none of it was written. */
public class BankRejectedException extends RuntimeException {

    private final transient List<GiftError> errors;

    public BankRejectedException(List<GiftError> errors) {
        super(errors.size() + " error(s) in the question bank");
        this.errors = List.copyOf(errors);
    }

    public List<GiftError> errors() {
        return errors;
    }
}
