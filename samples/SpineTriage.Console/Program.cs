using SpineTriage.ConsoleHost;

return SpineTriageCli.Run(args, ConsoleIO.FromSystemConsole());
