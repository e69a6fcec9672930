using Jixiao.Cli.ConsoleOutput;

namespace Jixiao.Cli.Tests;

/// <summary>
/// Many inputs worked on in parallel: results come out in the inputs' order whatever order the work is started in;
/// given sizes, the largest inputs of each window are started first (a run ends on small inputs), and the window
/// bounds how far the start order strays from the input order (how many results wait their turn).
/// </summary>
public sealed class OrderedParallelTests
{
    [Fact]
    public void Largest_inputs_of_each_window_start_first_and_results_come_out_in_input_order()
    {
        // One thread: the start order is exactly the order the work is called in. Its window is 8 inputs.
        var inputs = Enumerable.Range(0, 20).ToArray();
        var started = new List<int>();
        var emitted = new List<int>();
        OrderedParallel.Run(inputs, 1, i => { started.Add(i); return i * 10; }, emitted.Add, size: i => i);

        int[] expectedStart = [7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8, 19, 18, 17, 16];
        Assert.Equal(expectedStart, started);
        Assert.Equal(inputs.Select(i => i * 10), emitted);
    }

    [Fact]
    public void Without_sizes_inputs_start_in_order_and_equal_sizes_keep_their_order()
    {
        var inputs = Enumerable.Range(0, 12).ToArray();
        var plain = new List<int>();
        OrderedParallel.Run(inputs, 1, i => { plain.Add(i); return i; }, _ => { });
        Assert.Equal(inputs, plain);

        var equal = new List<int>();
        OrderedParallel.Run(inputs, 1, i => { equal.Add(i); return i; }, _ => { }, size: _ => 5);
        Assert.Equal(inputs, equal);
    }

    [Fact]
    public void Results_of_many_threads_come_out_in_input_order_and_a_failure_is_its_inputs_own()
    {
        var inputs = Enumerable.Range(0, 50).ToArray();
        var emitted = new List<string>();
        var error = Record.Exception(() => OrderedParallel.Run(inputs, 4,
            i => i == 30 ? throw new InvalidOperationException("input 30") : $"r{i}", emitted.Add, size: i => (i * 7919) % 13));
        Assert.Equal("input 30", Assert.IsType<InvalidOperationException>(error).Message);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"r{i}"), emitted);
    }
}
