using System.Net;
using System.Net.Sockets;

namespace GAgent.Packaging.Tests;

/// <summary>Finds a loopback port that is free right now by letting the OS pick one.</summary>
internal static class FreeTcpPort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
