package dev.parley.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dependency cycles of a graph of files: its strongly connected components of more than one
 * node (Tarjan), each as the sorted set of its members. A file depending on itself is no cycle.
 */
final class FileCycles {

    private final Map<String, Set<String>> graph;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> lowLink = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new java.util.HashSet<>();
    private final List<Set<String>> cycles = new ArrayList<>();

    private FileCycles(Map<String, Set<String>> graph) {
        this.graph = graph;
    }

    /** Each cycle of {@code graph} (node to the nodes it depends on), in a stable order. */
    static List<Set<String>> of(Map<String, Set<String>> graph) {
        FileCycles search = new FileCycles(graph);
        for (String node : new TreeSet<>(graph.keySet())) {
            if (!search.index.containsKey(node)) {
                search.connect(node);
            }
        }
        search.cycles.sort((a, b) -> a.toString().compareTo(b.toString()));
        return search.cycles;
    }

    /** Tarjan's recursion; the graphs here are a few hundred files deep at most. */
    private void connect(String node) {
        index.put(node, index.size());
        lowLink.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next);
                lowLink.put(node, Math.min(lowLink.get(node), lowLink.get(next)));
            } else if (onStack.contains(next)) {
                lowLink.put(node, Math.min(lowLink.get(node), index.get(next)));
            }
        }
        if (lowLink.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
    }
}
