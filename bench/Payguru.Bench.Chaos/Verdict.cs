using System.Globalization;
using System.Net;
using System.Text;
using Payguru.Provider.Signing;

namespace Payguru.Bench.Chaos;

/// <summary>
/// The checks of the guarantees after the run (issue 14's list, docs/architecture.md's invariants 1, 3–6 and 8) and
/// the verdict table. Every figure that must be zero is a violation when it is not.
/// </summary>
public sealed class Verdict
{
    readonly List<(string Measure, string Value)> _figures = [];
    readonly List<(string Check, long Count, string Example)> _checks = [];

    public long Violations => _checks.Sum(check => check.Count);

    public void Figure(string measure, string value) => _figures.Add((measure, value));

    public void Check(string check, long count, string example = "") => _checks.Add((check, count, example));

    public static async Task<Verdict> JudgeAsync(
        Ledger ledger, RecordedEvents events, ProcessorDatabase database, ChaosSandbox sandbox, Cluster cluster,
        FaultLog faults, (bool Reached, TimeSpan Took, string LastState) quiet, IEnumerable<string> logs, TimeSpan loadTime, CancellationToken abort)
    {
        var verdict = new Verdict();
        verdict.Figure("load time", $"{loadTime.TotalSeconds:0} s");
        verdict.Figure("operations", ledger.Operations.ToString(CultureInfo.InvariantCulture));
        verdict.Figure("payments through the sandbox / signed directly (repeats)",
            $"{ledger.SandboxPayments.Count} / {ledger.SignedPayments.Count} ({ledger.NotificationRepeats})");
        verdict.Figure("refund requests (bus / http) + resent with the same id",
            $"{ledger.RefundRequests.Count} ({ledger.RefundRequests.Values.Count(r => r.Channel == "bus")} / {ledger.RefundRequests.Values.Count(r => r.Channel == "http")}) + {ledger.RefundResends}");
        verdict.Figure("identity checks / end-of-day runs / probes", $"{ledger.IdentityChecks.Count} / {ledger.EndOfDayRuns} / {ledger.Probes}");
        verdict.Figure("non-OK answers retried (gateway 503s, cuts)", ledger.NonOkAnswers.ToString(CultureInfo.InvariantCulture));
        verdict.Figure("event deliveries recorded", events.Deliveries.ToString(CultureInfo.InvariantCulture));
        verdict.Figure("quiet after the load", quiet.Reached ? $"{quiet.Took.TotalSeconds:0} s" : $"not within {quiet.Took.TotalSeconds:0} s: {quiet.LastState}");
        verdict.Check("not quiet in the end", quiet.Reached ? 0 : 1, quiet.LastState);

        // Notifications: every one answered OK is recorded exactly once and its event seen (lost = 0).
        long lost = 0, duplicatePayments = 0, paymentEventsMissing = 0, paymentIdsSplit = 0;
        string lostExample = "", duplicateExample = "", missingExample = "";
        var paid = ledger.SignedPayments.Values.Where(p => p.AnsweredOk).Select(p => p.Order).Concat(ledger.SandboxPayments.Keys);
        foreach (var order in paid)
        {
            var rows = await database.PaymentRowsAsync(order);
            if (rows == 0)
            {
                lost++;
                lostExample = order;
            }
            else if (rows > 1)
            {
                duplicatePayments += rows - 1;
                duplicateExample = order;
            }

            if (!events.Saw(EventKinds.PaymentAccepted, order))
            {
                paymentEventsMissing++;
                missingExample = order;
            }

            paymentIdsSplit += Math.Max(0, events.MessageIds(EventKinds.PaymentAccepted, order) - 1);
        }

        verdict.Check("notifications answered OK but not recorded (lost)", lost, lostExample);
        verdict.Check("payments recorded twice (duplicated side effect)", duplicatePayments, duplicateExample);
        verdict.Check("PaymentAccepted not seen by the subscriber (events missing)", paymentEventsMissing, missingExample);
        verdict.Check("PaymentAccepted with two message ids for one payment", paymentIdsSplit);
        var neverOk = ledger.SignedPayments.Values.Where(p => !p.AnsweredOk).ToList();
        verdict.Check("notifications never answered OK although retried", neverOk.Count, neverOk.FirstOrDefault()?.Order ?? "");

        // Refund requests: exactly one final outcome each; creates = accepted, per order; no over-refund.
        var noOutcome = ledger.RefundRequests.Keys.Where(id => events.MessageIds(EventKinds.RefundOutcome, id.ToString()) == 0).ToList();
        var twoOutcomes = ledger.RefundRequests.Keys.Where(id => events.MessageIds(EventKinds.RefundOutcome, id.ToString()) > 1).ToList();
        verdict.Check("refund requests without an outcome", noOutcome.Count, noOutcome.FirstOrDefault().ToString());
        verdict.Check("refund requests with more than one outcome", twoOutcomes.Count, twoOutcomes.FirstOrDefault().ToString());

        var stats = await sandbox.StatsAsync(abort);
        var createsByOrder = stats.GetProperty("refundsCreatedByOrder").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);
        long extraCreates = 0, missingCreates = 0, overRefunds = 0, settledMissing = 0, settledIdsSplit = 0, paidRefunds = 0, accepted = 0;
        string extraExample = "", overExample = "", settledExample = "";
        var requestsByOrder = ledger.RefundRequests.Values.GroupBy(r => r.Order, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var order in ledger.PaidOrders.Keys.Union(createsByOrder.Keys, StringComparer.Ordinal))
        {
            var submitted = requestsByOrder.TryGetValue(order, out var requests)
                ? requests.Count(r => events.Saw(EventKinds.RefundSubmitted, r.RequestId.ToString()))
                : 0;
            accepted += submitted;
            var creates = createsByOrder.GetValueOrDefault(order);
            if (creates > submitted)
            {
                extraCreates += creates - submitted;
                extraExample = $"{order}: {creates} creates, {submitted} submitted";
            }
            else if (creates < submitted)
            {
                missingCreates += submitted - creates;
            }

            if (creates == 0)
            {
                continue;
            }

            var refunds = await sandbox.RefundsOfOrderAsync(order, abort);
            var refunded = refunds.Sum(r => decimal.Parse(r.Amount, CultureInfo.InvariantCulture));
            if (!ledger.PaidOrders.TryGetValue(order, out var payment) || refunded > payment)
            {
                overRefunds++;
                overExample = $"{order}: {refunded} refunded of {payment}";
            }

            foreach (var refund in refunds.Where(r => r.Status == 3))
            {
                paidRefunds++;
                var fact = RecordingConsumer.SettledFact(refund.Id, refund.Status);
                if (!events.Saw(EventKinds.RefundSettled, fact))
                {
                    settledMissing++;
                    settledExample = fact;
                }
            }
        }

        foreach (var fact in events.Facts(EventKinds.RefundSettled))
        {
            settledIdsSplit += events.MessageIds(EventKinds.RefundSettled, fact) - 1;
        }

        verdict.Figure("refunds accepted (submitted) / created at the sandbox / paid",
            $"{accepted} / {createsByOrder.Values.Sum()} / {paidRefunds}");
        verdict.Check("creates at the sandbox beyond the accepted requests (duplicated side effect)", extraCreates, extraExample);
        verdict.Check("accepted requests without a create at the sandbox", missingCreates);
        verdict.Check("orders refunded over their payment (over-refunds)", overRefunds, overExample);
        verdict.Check("paid refunds not seen as RefundSettled (events missing)", settledMissing, settledExample);
        verdict.Check("RefundSettled with two message ids for one fact", settledIdsSplit);

        // Identity checks: one outcome per registration, the result of each notified check seen.
        var registrationsWithoutOne = ledger.IdentityChecks.Values.Count(c => c.RegistrationSent && events.MessageIds(EventKinds.IdentityRegistration, c.Order) != 1);
        var resultsMissing = ledger.IdentityChecks.Values.Count(c => c.Notified && !events.Saw(EventKinds.IdentityResult, c.Order));
        verdict.Figure("identity checks verified / unverified",
            $"{ledger.IdentityChecks.Values.Count(c => c.Outcome == "verified")} / {ledger.IdentityChecks.Values.Count(c => c.Outcome == "unverified")}");
        verdict.Check("identity registrations without exactly one outcome", registrationsWithoutOne);
        verdict.Check("identity results notified but not seen (events missing)", resultsMissing);

        // Outbox empty, _error queues empty, no secret in any log line.
        verdict.Check("outbox messages unsent", await database.UnsentOutboxAsync());
        var errors = (await cluster.QueueDepthsAsync()).Where(q => q.Key.EndsWith("_error", StringComparison.Ordinal) && q.Value > 0).ToList();
        verdict.Check("messages in _error queues", errors.Sum(q => q.Value), string.Join(", ", errors.Select(q => $"{q.Key} {q.Value}")));
        var (leaks, leakExample) = await FindLeaksAsync(logs, Secrets(sandbox, await database.TokensAsync()));
        verdict.Figure("broker connections reopened after the 3.10 nack storm (docs/brokers.md)", (await CountLinesAsync(logs, "reopening the broker connection")).ToString(CultureInfo.InvariantCulture));
        verdict.Check("log lines with a secret", leaks, leakExample);

        // Faults: each one got a probe through again.
        var notRecovered = faults.Records.Where(r => r.Recovery is null).ToList();
        verdict.Check("faults after which nothing got through within 3 minutes", notRecovered.Count, notRecovered.FirstOrDefault()?.Kind ?? "");
        return verdict;
    }

    public string Table(FaultLog faults)
    {
        var text = new StringBuilder();
        text.AppendLine("| measure | value |");
        text.AppendLine("|---|---|");
        foreach (var (measure, value) in _figures)
        {
            text.AppendLine($"| {measure} | {value} |");
        }

        text.AppendLine();
        text.AppendLine("| fault | injected | took effect | recovery min / median / max |");
        text.AppendLine("|---|---|---|---|");
        foreach (var kind in FaultKinds.All)
        {
            var records = faults.Of(kind).ToList();
            var times = records.Where(r => r.Recovery is not null).Select(r => r.Recovery!.Value.TotalSeconds).Order().ToList();
            var recovery = times.Count == 0 ? "-" : $"{times[0]:0.0} / {times[times.Count / 2]:0.0} / {times[^1]:0.0} s";
            text.AppendLine($"| {kind} | {records.Count} | {records.Count(r => r.TookEffect)} | {recovery} |");
        }

        text.AppendLine();
        text.AppendLine("| check (must be 0) | count | example |");
        text.AppendLine("|---|---|---|");
        foreach (var (check, count, example) in _checks)
        {
            text.AppendLine($"| {check} | {count} | {(count == 0 ? "" : example)} |");
        }

        return text.ToString();
    }

    static List<(string Name, string Value)> Secrets(ChaosSandbox sandbox, IEnumerable<string> processorTokens)
    {
        var service = new ServiceSecret(DemoCredentials.ServiceCode, DemoCredentials.ServiceKey);
        var secrets = new List<(string, string)>
        {
            ("merchant key", DemoCredentials.MerchantKey),
            ("service key", DemoCredentials.ServiceKey),
            ("api key", DemoCredentials.ApiKey),
            ("token key", PayguruKeys.Token(DemoCredentials.MerchantId, "127.0.0.1", DemoCredentials.MerchantKey)),
            ("IBAN", DemoCredentials.Iban),
            ("IBAN (spaced)", string.Join(' ', DemoCredentials.Iban.Chunk(4).Select(group => new string(group)))),
            ("contact name", DemoCredentials.ContactName),
            ("TCKN", DemoCredentials.Tckn),
            ("TCKN answer", PayguruKeys.TcknAnswer(DemoCredentials.Tckn, service)),
        };
        lock (sandbox.TokensSeen)
        {
            secrets.AddRange(sandbox.TokensSeen.Select(token => ("driver's token", token)));
        }

        secrets.AddRange(processorTokens.Select(token => ("processors' token", token)));
        return secrets;
    }

    static async Task<long> CountLinesAsync(IEnumerable<string> logs, string text)
    {
        long count = 0;
        foreach (var log in logs.Where(File.Exists))
        {
            count += (await File.ReadAllLinesAsync(log)).Count(line => line.Contains(text, StringComparison.Ordinal));
        }

        return count;
    }

    /// <summary>Every line of the services' logs, as written and URL-decoded; the example names the secret, not its value.</summary>
    static async Task<(long Count, string Example)> FindLeaksAsync(IEnumerable<string> logs, List<(string Name, string Value)> secrets)
    {
        long count = 0;
        var example = "";
        foreach (var log in logs.Where(File.Exists))
        {
            var number = 0;
            foreach (var line in await File.ReadAllLinesAsync(log))
            {
                number++;
                var decoded = WebUtility.UrlDecode(line);
                foreach (var (name, value) in secrets)
                {
                    if (line.Contains(value, StringComparison.OrdinalIgnoreCase) || decoded.Contains(value, StringComparison.OrdinalIgnoreCase))
                    {
                        count++;
                        example = $"{Path.GetFileName(log)} line {number}: {name}";
                    }
                }
            }
        }

        return (count, example);
    }
}
