namespace Pipelines.Trainers.Neural;

/// <summary>
/// Reverse-mode differentiation over the graph that operations record (micrograd's engine): the nodes reachable from
/// the output are ordered topologically, then each node's backward closure runs in reverse order and adds into its
/// inputs' gradients.
/// </summary>
internal static class Tape
{
    public static void Backward(Tensor output)
    {
        var order = TopologicalOrder(output);
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var node = order[i];
            if (node.Grad is null || node.BackwardStep is null) continue;
            node.BackwardStep(node.Grad);
        }
    }

    /// <summary>Nodes with a backward step, each after all of its inputs (iterative depth-first search).</summary>
    private static List<Tensor> TopologicalOrder(Tensor root)
    {
        var order = new List<Tensor>();
        var visited = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Tensor Node, int Next)>();
        stack.Push((root, 0));
        visited.Add(root);
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            var parents = node.Parents;
            if (next < parents.Length)
            {
                stack.Push((node, next + 1));
                var parent = parents[next];
                if (parent.RequiresGrad && visited.Add(parent)) stack.Push((parent, 0));
                continue;
            }
            if (node.BackwardStep is not null) order.Add(node);
        }
        return order;
    }
}
