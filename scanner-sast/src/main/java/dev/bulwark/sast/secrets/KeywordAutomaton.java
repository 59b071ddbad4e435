package dev.bulwark.sast.secrets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Aho-Corasick automaton over lower-cased keywords: one pass over a text reports every
 * occurrence of every keyword, so rule regexes only run where one of their keywords occurs.
 */
public final class KeywordAutomaton {
  /** Called for each keyword occurrence; {@code end} is the index just past it. */
  @FunctionalInterface
  public interface Hit {
    void at(int keyword, int end);
  }

  private final List<Map<Character, Integer>> next = new ArrayList<>();
  private final List<Integer> fail = new ArrayList<>();
  private final List<List<Integer>> output = new ArrayList<>();
  private final List<String> keywords;
  /** The complete transition table over ASCII (failure links folded in): one lookup per char. */
  private final int[][] delta;
  private final int[][] outputs;

  public KeywordAutomaton(List<String> keywords) {
    this.keywords = keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    newState();
    for (int k = 0; k < this.keywords.size(); k++) {
      int s = 0;
      for (char c : this.keywords.get(k).toCharArray()) {
        Integer t = next.get(s).get(c);
        if (t == null) {
          t = newState();
          next.get(s).put(c, t);
        }
        s = t;
      }
      output.get(s).add(k);
    }
    buildFailureLinks();
    delta = new int[next.size()][128];
    outputs = new int[next.size()][];
    var order = new ArrayDeque<Integer>();
    order.add(0);
    while (!order.isEmpty()) { // breadth-first, so a state's failure target is complete first
      int s = order.poll();
      outputs[s] = output.get(s).stream().mapToInt(Integer::intValue).toArray();
      for (char c = 0; c < 128; c++) {
        Integer t = next.get(s).get(c);
        delta[s][c] = t != null ? t : s == 0 ? 0 : delta[fail.get(s)][c];
      }
      order.addAll(next.get(s).values());
    }
  }

  public List<String> keywords() {
    return keywords;
  }

  /** Reports every keyword occurrence in the text, case-insensitively. */
  public void scan(CharSequence text, Hit hit) {
    int s = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 128) {
        s = 0; // keywords are ASCII
        continue;
      }
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      s = delta[s][c];
      for (int k : outputs[s]) {
        hit.at(k, i + 1);
      }
    }
  }

  private int newState() {
    next.add(new HashMap<>());
    fail.add(0);
    output.add(new ArrayList<>());
    return next.size() - 1;
  }

  private void buildFailureLinks() {
    var queue = new ArrayDeque<Integer>();
    for (int child : next.get(0).values()) {
      queue.add(child);
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      for (var e : next.get(s).entrySet()) {
        char c = e.getKey();
        int t = e.getValue();
        queue.add(t);
        int f = fail.get(s);
        while (f != 0 && !next.get(f).containsKey(c)) {
          f = fail.get(f);
        }
        int target = next.get(f).getOrDefault(c, 0);
        fail.set(t, target == t ? 0 : target);
        output.get(t).addAll(output.get(fail.get(t)));
      }
    }
  }
}
