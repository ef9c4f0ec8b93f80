using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SpineTriage.Server.Tests.Operations;

/// <summary>
/// A loopback TCP proxy in front of the test PostgreSQL server, which a test can cut (every connection closed, new ones
/// refused: the server is unreachable), stall (bytes held, connections kept: a hung network or server) and restore,
/// without touching the cluster.
/// </summary>
public sealed class TcpProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _host;
    private readonly int _port;
    private readonly ConcurrentDictionary<Socket, byte> _sockets = new();
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _flowing = Flowing();
    private volatile bool _cut;

    /// <summary>Starts a proxy to the given server.</summary>
    public TcpProxy(string host, int port)
    {
        _host = host;
        _port = port;
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>Gets the proxy's port on 127.0.0.1.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Closes every connection and refuses new ones until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        _cut = true;
        foreach (var socket in _sockets.Keys)
        {
            Close(socket);
        }
    }

    /// <summary>Holds every byte in both directions (connections stay open, new ones are accepted and held) until <see cref="Restore"/>.</summary>
    public void Stall() => Interlocked.Exchange(ref _flowing, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>Lets connections and bytes through again.</summary>
    public void Restore()
    {
        _cut = false;
        Volatile.Read(ref _flowing).TrySetResult();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        Restore();
        foreach (var socket in _sockets.Keys)
        {
            Close(socket);
        }

        _stop.Dispose();
    }

    private static TaskCompletionSource Flowing()
    {
        var flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        flowing.SetResult();
        return flowing;
    }

    private void Close(Socket socket)
    {
        _sockets.TryRemove(socket, out _);
        try
        {
            socket.Close(0);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_cut)
            {
                client.Close(0);
                continue;
            }

            _ = ConnectAsync(client);
        }
    }

    private async Task ConnectAsync(Socket client)
    {
        _sockets[client] = 0;
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _sockets[server] = 0;
        try
        {
            await Volatile.Read(ref _flowing).Task.WaitAsync(_stop.Token);
            await server.ConnectAsync(_host, _port, _stop.Token);
            await Task.WhenAny(PumpAsync(client, server), PumpAsync(server, client));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            Close(client);
            Close(server);
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                await Volatile.Read(ref _flowing).Task.WaitAsync(_stop.Token);
                if (_cut)
                {
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }
}
