package org.civicit.lms.assessment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.civicit.lms.platform.BusinessException;

/**
 * How one attempt shows a question: the order of its options (and of a matching question's
 * choices), as places in the bank. The trainee numbers options 1, 2, … as shown, so the
 * numbers say nothing of which option the bank lists first.
 */
public record Presentation(List<Integer> optionOrder, List<Integer> choiceOrder) {

    /** A fresh order for one attempt; true/false keeps its natural order. */
    public static Presentation shuffle(BankQuestion question, Random random) {
        return switch (question.type()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> new Presentation(shuffled(question.options().size(), random), List.of());
            case TRUE_FALSE -> new Presentation(List.of(0, 1), List.of());
            case MATCHING -> new Presentation(shuffled(question.matchedPairs().size(), random),
                    shuffled(question.choices().size(), random));
            default -> new Presentation(List.of(), List.of());
        };
    }

    private static List<Integer> shuffled(int size, Random random) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, size).boxed().toList());
        Collections.shuffle(order, random);
        return List.copyOf(order);
    }

    /** Refuses an answer that does not fit the question, saying what is wrong. */
    public void check(BankQuestion question, Answer answer) {
        QuestionType type = question.type();
        if (!type.answered()) {
            throw new BusinessException.Invalid("attempt.answer.description");
        }
        if (type.picksOptions()) {
            if (answer.text() != null || !answer.pairs().isEmpty()) {
                throw new BusinessException.Invalid("attempt.answer.pickOptions");
            }
            for (Integer id : answer.selected()) {
                if (id == null || id < 1 || id > optionOrder.size()) {
                    throw new BusinessException.Invalid("attempt.answer.unknownOption", String.valueOf(id));
                }
            }
            if (answer.selected().stream().distinct().count() != answer.selected().size()) {
                throw new BusinessException.Invalid("attempt.answer.optionTwice");
            }
            if (type != QuestionType.MULTIPLE_CHOICE && answer.selected().size() > 1) {
                throw new BusinessException.Invalid("attempt.answer.oneOption");
            }
        } else if (type == QuestionType.MATCHING) {
            if (answer.text() != null || !answer.selected().isEmpty()) {
                throw new BusinessException.Invalid("attempt.answer.pairs");
            }
            for (Map.Entry<Integer, Integer> pair : answer.pairs().entrySet()) {
                if (pair.getKey() < 1 || pair.getKey() > optionOrder.size()) {
                    throw new BusinessException.Invalid("attempt.answer.unknownOption", pair.getKey());
                }
                if (pair.getValue() < 1 || pair.getValue() > choiceOrder.size()) {
                    throw new BusinessException.Invalid("attempt.answer.unknownChoice", pair.getValue());
                }
            }
        } else {
            if (!answer.selected().isEmpty() || !answer.pairs().isEmpty()) {
                throw new BusinessException.Invalid("attempt.answer.text");
            }
            if (answer.text() != null && answer.text().length() > AttemptItem.TEXT_LENGTH) {
                throw new BusinessException.Invalid("attempt.answer.tooLong", AttemptItem.TEXT_LENGTH);
            }
        }
    }

    /** The answer in the bank's own terms, for scoring. */
    public Response toResponse(Answer answer) {
        List<Integer> selected = answer.selected().stream()
                .filter(id -> id >= 1 && id <= optionOrder.size())
                .map(id -> optionOrder.get(id - 1)).toList();
        Map<Integer, Integer> pairs = new HashMap<>();
        answer.pairs().forEach((option, choice) -> {
            if (option >= 1 && option <= optionOrder.size() && choice >= 1 && choice <= choiceOrder.size()) {
                pairs.put(optionOrder.get(option - 1), choiceOrder.get(choice - 1));
            }
        });
        return new Response(selected, answer.text(), pairs);
    }

    static Map<Integer, Integer> readPairs(String text) {
        Map<Integer, Integer> pairs = new LinkedHashMap<>();
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split(",")) {
                String[] parts = pair.split(":");
                pairs.put(Integer.valueOf(parts[0]), Integer.valueOf(parts[1]));
            }
        }
        return pairs;
    }

    static String writePairs(Map<Integer, Integer> pairs) {
        if (pairs.isEmpty()) {
            return null;
        }
        Set<Integer> seen = new HashSet<>();
        List<String> parts = new ArrayList<>();
        pairs.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(pair -> {
            if (seen.add(pair.getKey())) {
                parts.add(pair.getKey() + ":" + pair.getValue());
            }
        });
        return String.join(",", parts);
    }
}
