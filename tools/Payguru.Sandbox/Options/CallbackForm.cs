namespace Payguru.Sandbox.Options;

/// <summary>How a notification's fields travel to the merchant.</summary>
public enum CallbackForm
{
    /// <summary>GET with the fields in the query string.</summary>
    Query,

    /// <summary>POST <c>application/x-www-form-urlencoded</c>.</summary>
    Form,

    /// <summary>POST <c>application/json</c>; numeric fields as JSON numbers with their exact text.</summary>
    Json,
}
