namespace Payguru.Gateway.Callbacks;

/// <summary>Marks Payguru's callback endpoints, whose every answer is text (<see cref="CallbackAnswers"/>), errors included.</summary>
public sealed class CallbackEndpointMetadata
{
    public static readonly CallbackEndpointMetadata Instance = new();

    CallbackEndpointMetadata()
    {
    }
}
