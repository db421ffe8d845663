package org.civicit.lms.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.civicit.lms.assessment.gift.GiftParser;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private static BankQuestion q(String gift) {
        return GiftParser.parse(gift).get(0);
    }

    private static double picked(String gift, Integer... options) {
        return Scoring.fraction(q(gift), new Response(List.of(options), null, Map.of()));
    }

    private static double typed(String gift, String text) {
        return Scoring.fraction(q(gift), new Response(List.of(), text, Map.of()));
    }

    @Test
    void singleChoiceScoresTheOptionPicked() {
        assertThat(picked("x {~a =b ~c}", 1)).isEqualTo(1);
        assertThat(picked("x {~a =b ~c}", 0)).isZero();
        assertThat(picked("x {~a =b ~%50%c}", 2)).isEqualTo(0.5);
        assertThat(picked("x {~a =b ~c}")).isZero();
        assertThat(picked("x {~a =b ~c}", 1, 0)).as("two picks on a single choice").isZero();
        assertThat(picked("x {~a =b ~%-50%c}", 2)).as("never below zero").isZero();
    }

    @Test
    void multipleChoiceAddsWeightsAndNeverGoesBelowZero() {
        String gift = "x {~%50%a ~%50%b ~%-100%c ~%-50%d}";
        assertThat(picked(gift, 0, 1)).isEqualTo(1);
        assertThat(picked(gift, 0)).isEqualTo(0.5);
        assertThat(picked(gift, 0, 1, 3)).isEqualTo(0.5);
        assertThat(picked(gift, 0, 2)).isZero();
        assertThat(picked(gift, 0, 1, 2, 3)).isZero();
        assertThat(picked(gift, 0, 0)).as("a repeated pick counts once").isEqualTo(0.5);
        assertThat(picked(gift, 9)).as("an option that does not exist").isZero();
    }

    @Test
    void trueFalse() {
        assertThat(picked("x {T}", 0)).isEqualTo(1);
        assertThat(picked("x {T}", 1)).isZero();
        assertThat(picked("x {F}", 1)).isEqualTo(1);
    }

    @Test
    void shortAnswerFormsIgnoreCaseAndSpacesAndAllowWildcards() {
        String gift = "x {=CPU =%50%bộ xử lý =Central * Unit}";
        assertThat(typed(gift, " cpu ")).isEqualTo(1);
        assertThat(typed(gift, "Bộ  Xử   Lý")).isEqualTo(0.5);
        assertThat(typed(gift, "central processing unit")).isEqualTo(1);
        assertThat(typed(gift, "GPU")).isZero();
        assertThat(typed(gift, "")).isZero();
        assertThat(typed(gift, null)).isZero();
        assertThat(typed("x {=a.b}", "axb")).as("a dot is not a wildcard").isZero();
    }

    @Test
    void theFirstAcceptedFormThatMatchesDecidesAsInMoodle() {
        assertThat(typed("x {=%50%* =CPU}", "CPU")).isEqualTo(0.5);
        assertThat(typed("x {=CPU =%50%*}", "CPU")).isEqualTo(1);
        assertThat(typed("x {#=%50%1000:100 =1024}", "1024")).isEqualTo(0.5);
    }

    @Test
    void shortAnswerMatchesComposedAndDecomposedVietnamese() {
        String decomposed = java.text.Normalizer.normalize("Hà Nội", java.text.Normalizer.Form.NFD);
        assertThat(typed("x {=Hà Nội}", decomposed)).isEqualTo(1);
    }

    @Test
    void numericalExactToleranceAndRanges() {
        assertThat(typed("x {#1024}", "1024")).isEqualTo(1);
        assertThat(typed("x {#1024}", "1023")).isZero();
        assertThat(typed("x {#3.14:0.01}", "3.15")).isEqualTo(1);
        assertThat(typed("x {#3.14:0.01}", "3,135")).as("decimal comma").isEqualTo(1);
        assertThat(typed("x {#3.14:0.01}", "3.16")).isZero();
        assertThat(typed("x {#5..10}", "7.5")).isEqualTo(1);
        assertThat(typed("x {#5..10}", "10.01")).isZero();
        assertThat(typed("x {#=2014 =%50%2013:1}", "2012")).isEqualTo(0.5);
        assertThat(typed("x {#1024}", "một nghìn")).isZero();
        assertThat(typed("x {#1024}", "1.024,5")).as("ambiguous separators are not read").isZero();
    }

    @Test
    void matchingEarnsAShareForEachRightItem() {
        BankQuestion matching = q("x {=a -> 1 =b -> 2 =c -> 3 = -> 4}");
        assertThat(Scoring.fraction(matching, new Response(List.of(), null, Map.of(0, 0, 1, 1, 2, 2)))).isEqualTo(1);
        assertThat(Scoring.fraction(matching, new Response(List.of(), null, Map.of(0, 0, 1, 2, 2, 1))))
                .isCloseTo(1.0 / 3, within(1e-9));
        assertThat(Scoring.fraction(matching, new Response(List.of(), null, Map.of(0, 3)))).isZero();
        assertThat(Scoring.fraction(matching, Response.NONE)).isZero();
    }

    @Test
    void matchingWithSharedAnswersCountsTheTextNotThePlace() {
        BankQuestion matching = q("x {=chó -> động vật =mèo -> động vật =hoa hồng -> thực vật}");
        assertThat(matching.choices()).containsExactly("động vật", "thực vật");
        assertThat(Scoring.fraction(matching, new Response(List.of(), null, Map.of(0, 0, 1, 0, 2, 1)))).isEqualTo(1);
    }
}
