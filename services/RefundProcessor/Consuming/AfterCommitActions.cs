namespace Payguru.RefundProcessor.Consuming;

/// <summary>
/// Work a consumer asks to run once its handling has committed, such as a provider call: nothing slow runs inside
/// the transaction. It must be safe to lose: a crash before it runs leaves state that a background sweep picks up.
/// </summary>
public sealed class AfterCommitActions
{
    readonly List<Func<CancellationToken, Task>> _actions = [];

    public void Add(Func<CancellationToken, Task> action) => _actions.Add(action);

    public IReadOnlyList<Func<CancellationToken, Task>> Take()
    {
        var actions = _actions.ToList();
        _actions.Clear();
        return actions;
    }
}
