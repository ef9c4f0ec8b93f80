namespace SpineTriage.Reports;

/// <summary>The region of the spine that was operated on.</summary>
public enum SurgeryRegion
{
    /// <summary>The neck.</summary>
    Cervical = 1,

    /// <summary>The upper and middle back.</summary>
    Thoracic = 2,

    /// <summary>The lower back.</summary>
    Lumbar = 3,

    /// <summary>The base of the spine.</summary>
    Sacral = 4,
}
