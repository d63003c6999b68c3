namespace Pipelines.Tests.Testing;

/// <summary>The shared helper that installs the tests' Debian packages (as root) or skips with the install command.</summary>
[TestClass]
public sealed class DebianPackagesTests
{
    [TestMethod]
    public void Without_root_the_skip_reason_names_the_package_and_the_command()
    {
        Assert.AreEqual(
            "Debian package python3-sklearn is missing: run 'sudo apt-get install python3-sklearn', or run the tests as root, which installs it.",
            DebianPackages.WhyNotInstalled("python3-sklearn", hasAptGet: true, isRoot: false));
    }

    [TestMethod]
    public void Without_apt_get_the_skip_reason_says_so()
    {
        Assert.AreEqual(
            "Debian package chromium is missing and this system has no apt-get: install its equivalent ('apt-get install chromium' on Debian).",
            DebianPackages.WhyNotInstalled("chromium", hasAptGet: false, isRoot: true));
    }

    [TestMethod]
    public void Root_with_apt_get_installs()
    {
        Assert.IsNull(DebianPackages.WhyNotInstalled("postgresql", hasAptGet: true, isRoot: true));
    }

    [TestMethod]
    public void Dpkg_tells_installed_packages_from_missing_ones()
    {
        if (!File.Exists("/usr/bin/dpkg-query")) Assert.Inconclusive("Not a Debian system: dpkg-query is missing.");
        Assert.IsTrue(DebianPackages.IsInstalled("dpkg"));
        Assert.IsFalse(DebianPackages.IsInstalled("pipelines-no-such-package"));
    }

    [TestMethod]
    public void The_packages_of_a_reference_script_are_read_from_its_imports()
    {
        const string script = """
            import sys, json
            import numpy as np, collections
            from imblearn.over_sampling import SMOTE
            from sklearn import metrics  # the reference
              import onnx
            print("import scipy")
            """;
        CollectionAssert.AreEqual(
            new[] { "python3-imblearn", "python3-numpy", "python3-onnx", "python3-sklearn" },
            ReferencePython.Packages(script).ToArray());
    }
}
