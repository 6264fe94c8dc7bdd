using Payguru.Gateway.Requests;
using Payguru.Provider.Configuration;
using Payguru.Provider.Wire.Http;

namespace Payguru.Gateway.Callbacks;

/// <summary>
/// Turns one callback's fields into a notification, checking every field and the key against the
/// configured services, or says why the call is refused (a reason safe to answer with).
/// </summary>
public delegate ReadResult<TNotification> CallbackParser<TNotification>(WireFields fields, PayguruOptions payguru)
    where TNotification : class, ICallbackNotification;
