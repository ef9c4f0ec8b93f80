using SpineTriage.Server;

var app = ServerApp.Build(args);
app.Run();

/// <summary>The entry point; public so that tests can start the service with WebApplicationFactory.</summary>
public partial class Program;
