using MassTransit;
using Microsoft.Extensions.Options;
using Payguru.Contracts.Identity;
using Payguru.Provider.Configuration;
using Payguru.Provider.Signing;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Identity;
using Payguru.RefundProcessor.Outbox;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>
/// Registers the customer's identity for an order: an invalid TCKN is rejected with a reason; a valid one is kept
/// only as md5(TCKN + service key), replacing what an earlier registration left. The TCKN goes nowhere else: not
/// into the database, a log line or an event.
/// </summary>
public sealed class RegisterOrderIdentityConsumer(
    UnitOfWork unitOfWork,
    IdentityStore identities,
    PendingMessages outbox,
    IOptions<PayguruOptions> payguru,
    TimeProvider clock,
    ILogger<RegisterOrderIdentityConsumer> logger) : IConsumer<RegisterOrderIdentity>
{
    public async Task Consume(ConsumeContext<RegisterOrderIdentity> context)
    {
        var command = context.Message;
        var now = clock.GetUtcNow();
        if (IdentityRegistrationRules.Check(command.Order, command.Tckn) is { } problem)
        {
            outbox.Publish(new OrderIdentityRejected(command.Order ?? "", problem.Reason, problem.Message, now));
            logger.LogInformation("Identity of order {Order} rejected ({Reason}): {Message}", command.Order, problem.Reason, problem.Message);
            return;
        }

        // Payguru's verify call names its service only by the key it matched: one hash per configured service.
        var hashes = payguru.Value.ServiceSecrets.ToDictionary(
            service => service.Code, service => PayguruKeys.TcknAnswer(command.Tckn, service), StringComparer.Ordinal);
        var stored = await identities.HashesForUpdateAsync(unitOfWork.Transaction, command.Order);
        // Same TCKN, same hashes: registering it again is no replacement.
        var replaced = stored.Count > 0 && stored.Any(s => !hashes.TryGetValue(s.Key, out var hash) || hash != s.Value);
        await identities.ReplaceAsync(unitOfWork.Transaction, command.Order, hashes, now);
        outbox.Publish(new OrderIdentityRegistered(command.Order, replaced, now));
        logger.LogInformation("Identity of order {Order} registered for {Services}{Replaced}",
            command.Order, string.Join(", ", hashes.Keys), replaced ? ", replacing a different one" : "");
    }
}
