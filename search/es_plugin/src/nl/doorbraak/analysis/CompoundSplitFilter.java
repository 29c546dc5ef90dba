package nl.doorbraak.analysis;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a compound only when known parts cover it whole (with the linking -s-, -e-, -en- between them):
 * jeugdhulpaanbieder → jeugd, hulp, aanbieder; verslaving stays whole although "vers" and "laving" are words.
 * The parts are stacked on the original token (position increment 0), which stays. The same rule as
 * search/compounds.py (`_cover`): fewest parts, then the longest last part.
 */
final class CompoundSplitFilter extends TokenFilter {
    private static final String[] LINKS = {"", "s", "e", "en"};

    private final CharArraySet parts;
    private final CharArraySet never;
    private final int minWord;
    private final int minPart;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private State state;

    CompoundSplitFilter(TokenStream input, CharArraySet parts, CharArraySet never, int minWord, int minPart) {
        super(input);
        this.parts = parts;
        this.never = never;
        this.minWord = minWord;
        this.minPart = minPart;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending.isEmpty() == false) {
            restoreState(state);
            term.setEmpty().append(pending.poll());
            posInc.setPositionIncrement(0);
            return true;
        }
        if (input.incrementToken() == false) {
            return false;
        }
        if (term.length() >= minWord && allLetters() && never.contains(term.buffer(), 0, term.length()) == false) {
            List<String> split = cover(term.toString());
            if (split != null) {
                pending.addAll(split);
                state = captureState();
            }
        }
        return true;
    }

    private boolean allLetters() {
        for (int i = 0; i < term.length(); i++) {
            if (Character.isLetter(term.charAt(i)) == false) {
                return false;
            }
        }
        return true;
    }

    private List<String> cover(String word) {
        List<String> best = null;
        for (int i = minPart; i <= word.length() - minPart; i++) {
            String head = word.substring(0, i);
            if (parts.contains(head) == false) {
                continue;
            }
            for (String link : LINKS) {
                if (word.startsWith(link, i) == false) {
                    continue;
                }
                String tail = word.substring(i + link.length());
                if (tail.length() < minPart) {
                    continue;
                }
                List<String> rest;
                if (parts.contains(tail)) {
                    rest = List.of(tail);
                } else {
                    rest = cover(tail);
                }
                if (rest == null) {
                    continue;
                }
                List<String> candidate = new ArrayList<>(rest.size() + 1);
                candidate.add(head);
                candidate.addAll(rest);
                if (best == null || better(candidate, best)) {
                    best = candidate;
                }
            }
        }
        return best;
    }

    private static boolean better(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return a.size() < b.size();
        }
        return a.get(a.size() - 1).length() > b.get(b.size() - 1).length();
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        state = null;
    }
}
