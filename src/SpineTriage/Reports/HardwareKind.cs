namespace SpineTriage.Reports;

/// <summary>A kind of implanted spinal hardware.</summary>
public enum HardwareKind
{
    /// <summary>Screws, for example pedicle screws.</summary>
    Screws = 1,

    /// <summary>Rods.</summary>
    Rods = 2,

    /// <summary>Plates.</summary>
    Plates = 3,

    /// <summary>Interbody cages.</summary>
    Cages = 4,

    /// <summary>Any other implant.</summary>
    Other = 5,
}
