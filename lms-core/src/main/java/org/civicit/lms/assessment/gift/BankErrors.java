package org.civicit.lms.assessment.gift;

import java.util.ArrayList;
import java.util.List;

import org.civicit.lms.platform.FileErrors;

/** The problems found in one bank file; past {@link FileErrors#KEPT} they are counted, not kept. */
final class BankErrors {

    private final List<GiftError> kept = new ArrayList<>();
    private int total;

    void add(GiftError error) {
        total++;
        if (kept.size() < FileErrors.KEPT) {
            kept.add(error);
        }
    }

    int total() {
        return total;
    }

    BankRejectedException rejection() {
        return new BankRejectedException(kept, total);
    }

    @Override
    public String toString() {
        return kept.toString();
    }
}
