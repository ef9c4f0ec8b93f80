using SpineTriage.ConsoleHost;

return SpineTriageCli.Run(args);
