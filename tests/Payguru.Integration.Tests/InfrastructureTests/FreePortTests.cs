using System.Net;
using System.Net.Sockets;
using Payguru.Testing;

namespace Payguru.Integration.Tests.InfrastructureTests;

public sealed class FreePortTests
{
    [Fact]
    public void Ports_are_distinct_bindable_and_outside_the_ephemeral_range()
    {
        var ports = Enumerable.Range(0, 20).Select(_ => FreePort.Next()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, port => Assert.InRange(port, 1024, 32767));
        foreach (var port in ports)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
        }
    }

    [Fact]
    public void Http_url_is_on_loopback()
    {
        Assert.Matches(@"^http://127\.0\.0\.1:\d+$", FreePort.NextHttpUrl());
    }
}
